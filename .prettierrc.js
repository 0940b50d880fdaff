export { default } from './tooling/eslint/prettier.config.js';
