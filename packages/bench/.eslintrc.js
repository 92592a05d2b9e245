module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // A private, never built or published workspace of benchmark scripts:
    // every package it imports is a devDependency by design (the peer's
    // packages must not become dependencies of anything that ships).
    '@backstage/no-undeclared-imports': 'off',
  },
});
