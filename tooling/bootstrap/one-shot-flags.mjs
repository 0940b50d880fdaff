// Node flags for one-shot commands (`npm run thrive -- …`: imports, data fetch, accounts), shared
// by the bootstrap and the load-authority benchmark so the benchmark runs what people run
// (docs/decisions/0024). The server (`npm start`) keeps Node's defaults.
//  --liftoff-only: PGlite's WebAssembly on V8's baseline compiler; optimising Postgres's hot
//    functions costs a short process more CPU and ~300 MB more memory than it saves.
//  --max-semi-space-size=8: a young generation of 8 MB: parsing the national files makes
//    short-lived strings and records by the million, and a smaller nursery frees them sooner
//    (peak ~470 MB instead of ~560 MB for Dacorum, and no slower).
export const ONE_SHOT_FLAGS = ['--liftoff-only', '--max-semi-space-size=8'];
