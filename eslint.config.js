// ESLint over our own scripts (`make lint`): the browser scripts the site ships, the Node
// scripts of the build and the Node tests of the front-end engines. Vendored libraries are
// not ours to lint.
const js = require("@eslint/js")
const globals = require("globals")

module.exports = [
  { ignores: ["node_modules/**", "tools/lighthouse/**", "build/**", "site/**", "dist/**", ".venv/**", ".venv-zensical/**"] },
  js.configs.recommended,
  {
    files: ["docs/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        // Shared between our scripts and the libraries the pages load before them.
        Atlas: "writable", AtlasPractice: "writable", AtlasSearch: "writable", AtlasMeaning: "writable", AtlasRank: "writable",
        MiniSearch: "readonly", FSRS: "readonly", Tablesort: "readonly", katex: "readonly",
        document$: "readonly", module: "readonly",
      },
    },
    rules: {
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      "no-useless-escape": "off", // "\\/" in a regular expression reads better than "/" to some
    },
  },
  {
    // Workers: the search worker and the offline frame's worker shim, and the search engine it loads.
    files: ["docs/assets/javascripts/theme/material-worker.js", "docs/assets/javascripts/search/*.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ["macros/**/*.js", "tests/**/*.js", "tools/*.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node, self: "writable" } },
    rules: { "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }] },
  },
]
