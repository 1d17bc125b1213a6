import * as migration_20261129_125651_initial from './20261129_125651_initial';

export const migrations = [
  {
    up: migration_20261129_125651_initial.up,
    down: migration_20261129_125651_initial.down,
    name: '20261129_125651_initial'
  },
];
