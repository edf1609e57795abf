// One ESLint config for the whole monorepo (flat config, looked up from each package).
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const processEnvRule = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration through @hibachi/core/env (validated with zod), not process.env.',
};

const TYPED_FILES = [
  'packages/core/{src,test}/**/*.ts',
  'packages/web/src/**/*.{ts,tsx}',
  'apps/*/{app,components,lib}/**/*.{ts,tsx}',
  'apps/*/*.ts',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/generated/**',
      '**/next-env.d.ts',
      '**/test-results/**',
      '**/playwright-report/**',
      '.data/**',
      // the offline service worker as each app's build bundles it
      'apps/*/public/sw.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', processEnvRule],
    },
  },
  {
    // Type-aware rules on the product code: core, web and both apps.
    files: TYPED_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Handlers and providers are async to fulfil a Promise-returning contract, awaited or not.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', '**/test/**'],
    rules: {
      // pg's rows are `any` by design; a test's expectations are what check their shape.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // In a test, a missing value failing right there is the assertion.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // A file past 300 lines (comments and blank lines count) is asking to be split along its
    // seams: hooks, sub-forms, pure mappers (CONTRIBUTING.md).
    files: ['apps/**/*.{ts,tsx,js,mjs}', 'packages/web/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['apps/**/*.{ts,tsx}', 'packages/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      '@next/next/no-html-link-for-pages': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@prisma/*', 'pg', '**/generated/prisma/**'],
              message: 'Apps reach the database only through @hibachi/core use cases.',
            },
          ],
        },
      ],
    },
  },
  {
    // The env module is the one reader of process.env; instrumentation, the page proxy (values
    // Next inlines at build time) and tooling read runtime flags.
    files: [
      'packages/core/src/env/**',
      '**/instrumentation*.ts',
      'packages/web/src/proxy.ts',
      'packages/web/src/build-mode.ts',
      '**/scripts/**',
      '**/bench/**',
      'prisma/**',
      'e2e/**',
      '**/*.config.{ts,js,mjs}',
      '**/vitest.*.ts',
      '**/*.test.ts',
      '**/test/**',
      // The production server launcher reads its port and drain window before the app exists.
      'packages/web/serve.mjs',
      'deploy/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Command-line tools and tests may print.
    files: ['**/scripts/**', '**/bench/**', 'e2e/**', '**/*.test.ts', '**/test/**'],
    rules: { 'no-console': 'off' },
  },
);
