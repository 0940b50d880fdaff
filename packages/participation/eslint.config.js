import { thriveConfig } from '@thrive/eslint-config';

export default thriveConfig({ tsconfigRootDir: import.meta.dirname });
