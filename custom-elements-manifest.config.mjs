// custom-elements.json for the elements package: every element under src/components, documented from
// its JSDoc (@csspart, @slot, @fires), with paths pointing at the compiled lib/ modules users import.
export default {
  globs: ['src/components/**/*.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'paths-to-lib',
      packageLinkPhase({ customElementsManifest }) {
        const toLib = (path) => path?.replace(/^src\//, 'lib/').replace(/\.ts$/, '.js');
        for (const module of customElementsManifest.modules) {
          module.path = toLib(module.path);
          for (const entry of module.exports ?? []) if (entry.declaration?.module) entry.declaration.module = toLib(entry.declaration.module);
        }
      },
    },
  ],
};
