module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { project: 'tsconfig.json', tsconfigRootDir: __dirname, sourceType: 'module' },
  plugins: ['@typescript-eslint'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
  env: { node: true, jest: true },
  ignorePatterns: ['.eslintrc.js', 'dist', 'node_modules', 'scripts', '.cache'],
  rules: {
    '@typescript-eslint/no-floating-promises': 'error',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    '@typescript-eslint/consistent-type-imports': 'off',
    'no-console': ['error', { allow: ['warn', 'error'] }],
    eqeqeq: ['error', 'always'],
  },
  overrides: [
    // Benchmarks report their figures on stdout.
    { files: ['bench/**/*.ts'], rules: { 'no-console': 'off' } },
    { files: ['src/domain/**/*.ts', 'src/**/domain/**/*.ts'], rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'mongoose', 'mongodb'] }],
    } },
  ],
};
