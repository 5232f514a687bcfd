import type { Config } from './config-schema.js';

/** What distinguishes one replica set of a comparison or sweep from another. */
export interface RunSetting {
  activation: string;
  workers: number;
  order: string;
  shuffle: string;
}

/** `base` with the setting's activation, worker count, order and shuffle. */
export function settingConfig(base: Config, setting: RunSetting): Config {
  const { activation, workers, order, shuffle } = setting;
  return { ...base, model: { ...base.model, activation }, training: { ...base.training, workers, order, shuffle } };
}

/** A short human label, e.g. "smelu:1 · 2 workers · async · full". */
export function settingLabel(setting: RunSetting): string {
  return `${setting.activation} · ${setting.workers} worker${setting.workers === 1 ? '' : 's'} · ${setting.order} · ${setting.shuffle}`;
}
