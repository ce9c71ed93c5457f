/** createApp: wires config, logger and store — the one place the parts are put together. */
import type { Logger } from './domain/logger.js';
import { silentLogger } from './domain/logger.js';
import type { ResolvedConfig, UserOptions } from './config.js';
import { resolveConfig } from './config.js';
import type { Store } from './storage/store.js';
import { openStore } from './storage/open-store.js';

/** The wired application: its configuration and a way to open its store. */
export interface App {
  config: ResolvedConfig;
  logger: Logger;
  openStore(opts?: { readonly?: boolean }): Promise<Store>;
}

/** Builds the application from user options. */
export function createApp(options: UserOptions = {}, logger: Logger = silentLogger): App {
  const config = resolveConfig(options);
  return {
    config,
    logger,
    openStore: (o = {}) => openStore(config.dbPath, { logger, readonly: o.readonly }),
  };
}
