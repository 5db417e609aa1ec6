// Project lint config (toolchain.md, pitfall 6): the Office add-ins plugin's recommended rules,
// React rules, the TypeScript parser; no-undef is off because TypeScript checks names.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "node_modules/**", "coverage/**", "test-artifacts/**", "*.config.js", "bin/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, react, "react-hooks": reactHooks },
    languageOptions: { parser: tseslint.parser, globals: { ...globals.browser, ...globals.node, Office: "readonly", Excel: "readonly" } },
    settings: { react: { version: "19" } },
    rules: {
      ...officeAddins.configs.recommended.rules,
      ...react.configs.recommended.rules,
      ...reactHooks.configs.recommended.rules,
      "react/react-in-jsx-scope": "off",
      "no-undef": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
