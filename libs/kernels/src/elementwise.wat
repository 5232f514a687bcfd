;; Elementwise float32 kernels in WebAssembly SIMD, for the loops over whole parameter and gradient vectors that
;; JavaScript runs at a third of this speed. Each kernel gives bit for bit the result of the JavaScript expression
;; named beside it: the arithmetic is the same IEEE operations in the same order, only four lanes at a time.
;; Addresses are byte offsets into the memory the module is given: either one that holds the vectors themselves, so the
;; kernels update them in place, or a small scratch memory that the JavaScript side copies chunks of its arrays through.
;; Shared, so that the vectors in it are SharedArrayBuffers that worker threads can see; the generator also assembles
;; the same kernels over a memory that is not shared (the tensor backend's heap), by changing this import alone.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; dst[i] = dst[i] + src[i] for i < n: float32 addition (JavaScript: dst[i] = dst[i] + src[i] on Float32Arrays).
  (func (export "add") (param $dst i32) (param $src i32) (param $n i32)
    (local $end i32)
    (local $simdEnd i32)
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $simdEnd (i32.add (local.get $dst) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $simdDone
      (loop $simd
        (br_if $simdDone (i32.ge_u (local.get $dst) (local.get $simdEnd)))
        (v128.store (local.get $dst) (f32x4.add (v128.load (local.get $dst)) (v128.load (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (br $simd)))
    (block $done
      (loop $scalar
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (f32.store (local.get $dst) (f32.add (f32.load (local.get $dst)) (f32.load (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (br $scalar))))

  ;; p[i] = float32(float64(p[i]) − lr·float64(g[i])) for i < n: the JavaScript p[i] = p[i] - lr * g[i] on Float32Arrays,
  ;; which multiplies and subtracts in float64 and rounds once to float32. Two float64 lanes per half of a vector.
  (func (export "sgd") (param $p i32) (param $g i32) (param $n i32) (param $lr f64)
    (local $end i32)
    (local $simdEnd i32)
    (local $rate v128)
    (local $pv v128)
    (local $gv v128)
    (local.set $rate (f64x2.splat (local.get $lr)))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $simdEnd (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $simdDone
      (loop $simd
        (br_if $simdDone (i32.ge_u (local.get $p) (local.get $simdEnd)))
        (local.set $pv (v128.load (local.get $p)))
        (local.set $gv (v128.load (local.get $g)))
        (v128.store (local.get $p)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            (f32x4.demote_f64x2_zero
              (f64x2.sub (f64x2.promote_low_f32x4 (local.get $pv))
                (f64x2.mul (local.get $rate) (f64x2.promote_low_f32x4 (local.get $gv)))))
            (f32x4.demote_f64x2_zero
              (f64x2.sub (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $pv) (local.get $pv)))
                (f64x2.mul (local.get $rate) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $gv) (local.get $gv))))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $g (i32.add (local.get $g) (i32.const 16)))
        (br $simd)))
    (block $done
      (loop $scalar
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (f32.store (local.get $p)
          (f32.demote_f64 (f64.sub (f64.promote_f32 (f32.load (local.get $p))) (f64.mul (local.get $lr) (f64.promote_f32 (f32.load (local.get $g)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $g (i32.add (local.get $g) (i32.const 4)))
        (br $scalar))))

  ;; p[i] = float32(float64(p[i]) − lr·float64(s)) with s = float32(l[i] + r[i]) for i < n: the sgd step above on the
  ;; sum of two gradients, which is rounded to float32 as add rounds it but not written down, so that one pass reads
  ;; the three vectors once.
  (func (export "sgdOfSum") (param $p i32) (param $l i32) (param $r i32) (param $n i32) (param $lr f64)
    (local $end i32)
    (local $simdEnd i32)
    (local $rate v128)
    (local $pv v128)
    (local $gv v128)
    (local.set $rate (f64x2.splat (local.get $lr)))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $simdEnd (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $simdDone
      (loop $simd
        (br_if $simdDone (i32.ge_u (local.get $p) (local.get $simdEnd)))
        (local.set $pv (v128.load (local.get $p)))
        (local.set $gv (f32x4.add (v128.load (local.get $l)) (v128.load (local.get $r))))
        (v128.store (local.get $p)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            (f32x4.demote_f64x2_zero
              (f64x2.sub (f64x2.promote_low_f32x4 (local.get $pv))
                (f64x2.mul (local.get $rate) (f64x2.promote_low_f32x4 (local.get $gv)))))
            (f32x4.demote_f64x2_zero
              (f64x2.sub (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $pv) (local.get $pv)))
                (f64x2.mul (local.get $rate) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $gv) (local.get $gv))))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $l (i32.add (local.get $l) (i32.const 16)))
        (local.set $r (i32.add (local.get $r) (i32.const 16)))
        (br $simd)))
    (block $done
      (loop $scalar
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (f32.store (local.get $p)
          (f32.demote_f64 (f64.sub (f64.promote_f32 (f32.load (local.get $p)))
            (f64.mul (local.get $lr) (f64.promote_f32 (f32.add (f32.load (local.get $l)) (f32.load (local.get $r))))))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $l (i32.add (local.get $l) (i32.const 4)))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $scalar))))

  ;; The index of the first of n elements that is NaN or ±Infinity, or −1 when all are finite: x − x is +0 exactly
  ;; when x is finite. Vectors of four are tested at once; the first vector that fails is searched lane by lane.
  (func (export "firstNonFinite") (param $x i32) (param $n i32) (result i32)
    (local $at i32)
    (local $simdEnd i32)
    (local $v v128)
    (local $s f32)
    (local.set $simdEnd (i32.and (local.get $n) (i32.const -4)))
    (block $simdDone
      (loop $simd
        (br_if $simdDone (i32.ge_u (local.get $at) (local.get $simdEnd)))
        (local.set $v (v128.load (i32.add (local.get $x) (i32.shl (local.get $at) (i32.const 2)))))
        (br_if $simdDone (v128.any_true (f32x4.ne (f32x4.sub (local.get $v) (local.get $v)) (v128.const f32x4 0 0 0 0))))
        (local.set $at (i32.add (local.get $at) (i32.const 4)))
        (br $simd)))
    (block $done
      (loop $scalar
        (br_if $done (i32.ge_u (local.get $at) (local.get $n)))
        (local.set $s (f32.load (i32.add (local.get $x) (i32.shl (local.get $at) (i32.const 2)))))
        (if (f32.ne (f32.sub (local.get $s) (local.get $s)) (f32.const 0)) (then (return (local.get $at))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $scalar)))
    (i32.const -1))

  ;; dst = columns [start, start + count) of src: src is rows × cols row-major, dst rows × count row-major
  ;; (dst[r·count + j] = src[r·cols + start + j]). A copy: one memory.copy per row.
  (func (export "copyColumns") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32) (param $start i32) (param $count i32)
    (local $from i32) (local $bytes i32) (local $stride i32) (local $end i32)
    (local.set $bytes (i32.shl (local.get $count) (i32.const 2)))
    (local.set $stride (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $from (i32.add (local.get $src) (i32.shl (local.get $start) (i32.const 2))))
    (local.set $end (i32.add (local.get $dst) (i32.mul (local.get $rows) (local.get $bytes))))
    (block $done
      (loop $eachRow
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (memory.copy (local.get $dst) (local.get $from) (local.get $bytes))
        (local.set $dst (i32.add (local.get $dst) (local.get $bytes)))
        (local.set $from (i32.add (local.get $from) (local.get $stride)))
        (br $eachRow))))

  ;; dst = the transpose of src: src is rows × cols row-major, dst cols × rows row-major (dst[c·rows + r] = src[r·cols + c]).
  ;; Not elementwise, but a copy all the same: every value is moved, none computed. Four rows by four columns at a time
  ;; (loaded as four vectors, transposed with shuffles, stored as four), in bands of eight columns: a band's columns are
  ;; written as eight rows of dst at once, which stay in the first-level cache even when dst's row stride is a power of
  ;; two (every row then maps to the same cache set; with 64 columns, a 1024 × 1024 transpose took 1.08 ms instead of
  ;; 0.43). The rows and columns beyond the last multiple of four are copied one by one.
  (func (export "transpose") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $rows4 i32) (local $cols4 i32) (local $band i32) (local $bandEnd i32) (local $r i32) (local $c i32)
    (local $rowStride i32) (local $colStride i32) (local $from i32) (local $to i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128) (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $rows4 (i32.and (local.get $rows) (i32.const -4)))
    (local.set $cols4 (i32.and (local.get $cols) (i32.const -4)))
    (local.set $rowStride (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $colStride (i32.shl (local.get $rows) (i32.const 2)))
    (block $bandsDone
      (loop $bands
        (br_if $bandsDone (i32.ge_u (local.get $band) (local.get $cols4)))
        (local.set $bandEnd (select (i32.add (local.get $band) (i32.const 8)) (local.get $cols4)
          (i32.lt_u (i32.add (local.get $band) (i32.const 8)) (local.get $cols4))))
        (local.set $r (i32.const 0))
        (block $rowsDone
          (loop $rowBlocks
            (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows4)))
            (local.set $c (local.get $band))
            (block $colsDone
              (loop $colBlocks
                (br_if $colsDone (i32.ge_u (local.get $c) (local.get $bandEnd)))
                (local.set $from (i32.add (local.get $src)
                  (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cols)) (local.get $c)) (i32.const 2))))
                (local.set $v0 (v128.load (local.get $from)))
                (local.set $v1 (v128.load (i32.add (local.get $from) (local.get $rowStride))))
                (local.set $v2 (v128.load (i32.add (local.get $from) (i32.shl (local.get $rowStride) (i32.const 1)))))
                (local.set $v3 (v128.load (i32.add (local.get $from) (i32.mul (local.get $rowStride) (i32.const 3)))))
                ;; t0 = v0.0 v1.0 v0.1 v1.1, t1 = v2.0 v3.0 v2.1 v3.1, t2 = v0.2 v1.2 v0.3 v1.3, t3 = v2.2 v3.2 v2.3 v3.3
                (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $v0) (local.get $v1)))
                (local.set $t1 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $v2) (local.get $v3)))
                (local.set $t2 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $v0) (local.get $v1)))
                (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $v2) (local.get $v3)))
                (local.set $to (i32.add (local.get $dst)
                  (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 2))))
                (v128.store (local.get $to) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1)))
                (v128.store (i32.add (local.get $to) (local.get $colStride))
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1)))
                (v128.store (i32.add (local.get $to) (i32.shl (local.get $colStride) (i32.const 1)))
                  (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t2) (local.get $t3)))
                (v128.store (i32.add (local.get $to) (i32.mul (local.get $colStride) (i32.const 3)))
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t2) (local.get $t3)))
                (local.set $c (i32.add (local.get $c) (i32.const 4)))
                (br $colBlocks)))
            (local.set $r (i32.add (local.get $r) (i32.const 4)))
            (br $rowBlocks)))
        (local.set $band (local.get $bandEnd))
        (br $bands)))
    ;; The rows below the last multiple of four, every column; then the columns right of it, the rows above.
    (call $copyTransposed (local.get $src) (local.get $dst) (local.get $rows) (local.get $cols) (local.get $rows4) (local.get $rows) (i32.const 0) (local.get $cols))
    (call $copyTransposed (local.get $src) (local.get $dst) (local.get $rows) (local.get $cols) (i32.const 0) (local.get $rows4) (local.get $cols4) (local.get $cols)))

  ;; dst[c·rows + r] = src[r·cols + c] for rows [r0, r1) and columns [c0, c1), one value at a time.
  (func $copyTransposed (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (param $r0 i32) (param $r1 i32) (param $c0 i32) (param $c1 i32)
    (local $r i32) (local $c i32)
    (local.set $r (local.get $r0))
    (block $rowsDone
      (loop $eachRow
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $r1)))
        (local.set $c (local.get $c0))
        (block $colsDone
          (loop $eachCol
            (br_if $colsDone (i32.ge_u (local.get $c) (local.get $c1)))
            (f32.store
              (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 2)))
              (f32.load (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cols)) (local.get $c)) (i32.const 2)))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $eachCol)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $eachRow)))))
