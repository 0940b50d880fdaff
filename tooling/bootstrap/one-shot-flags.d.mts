/** Node flags for one-shot commands (see one-shot-flags.mjs). */
export declare const ONE_SHOT_FLAGS: readonly string[];
