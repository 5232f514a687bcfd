"""Times forward + backward + SGD step of an MLP on PyTorch's CPU backend; prints one JSON document on stdout.

Usage: torch_bench.py '{"dense": 512, "embeddings": null, "hidden": [1024, 1024], "batch": 256, "threads": 1,
                        "warmupSteps": 3, "warmupSeconds": 0, "minSteps": 5, "minSeconds": 5}'
"embeddings", when set, is {"count": C, "dim": D, "buckets": B}: C categorical features, each looked up in its own
B × D table and concatenated with the dense features, as the Criteo model does. Random float32 data of the model's
width. The caller (tools/bench/src/torch-throughput.ts) turns the step end times into steps per second.
"""
import json
import resource
import sys
import time

import torch


class Model(torch.nn.Module):
    def __init__(self, dense, embeddings, hidden):
        super().__init__()
        count, dim, buckets = (embeddings["count"], embeddings["dim"], embeddings["buckets"]) if embeddings else (0, 0, 0)
        # Sparse gradients: SGD then updates only the rows a batch used, as churnlab's server does.
        self.tables = torch.nn.ModuleList(torch.nn.Embedding(buckets, dim, sparse=True) for _ in range(count))
        widths = [dense + count * dim, *hidden]
        layers = []
        for fan_in, fan_out in zip(widths, widths[1:]):
            layers += [torch.nn.Linear(fan_in, fan_out), torch.nn.ReLU()]
        layers.append(torch.nn.Linear(widths[-1], 1))
        self.mlp = torch.nn.Sequential(*layers)

    def forward(self, x, ids):
        if len(self.tables) > 0:
            x = torch.cat([x, *(table(ids[:, k]) for k, table in enumerate(self.tables))], dim=1)
        return self.mlp(x)


def main() -> None:
    job = json.loads(sys.argv[1])
    torch.set_num_threads(job["threads"])
    torch.manual_seed(1)
    embeddings = job.get("embeddings")
    model = Model(job["dense"], embeddings, job["hidden"]).float()
    loss_fn = torch.nn.BCEWithLogitsLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    batch = job["batch"]
    x = torch.rand(batch, job["dense"], dtype=torch.float32) * 2 - 1
    ids = torch.randint(1, embeddings["buckets"], (batch, embeddings["count"])) if embeddings else None
    y = (torch.rand(batch, 1) < 0.5).float()

    def step() -> None:
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x, ids), y)
        loss.backward()
        optimizer.step()

    warmup_end = time.perf_counter() + job["warmupSeconds"]
    warmed = 0
    while warmed < job["warmupSteps"] or time.perf_counter() < warmup_end:
        step()
        warmed += 1
    start = time.perf_counter()
    step_ends = []
    while len(step_ends) < job["minSteps"] or step_ends[-1] - start < job["minSeconds"]:
        step()
        step_ends.append(time.perf_counter())
    print(json.dumps({
        "startMs": 0.0,
        "stepEndsMs": [(t - start) * 1000 for t in step_ends],
        "threads": torch.get_num_threads(),
        "torchVersion": torch.__version__,
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()
