// Jest transform for page tests: TypeScript and the ES modules in miniprogram_npm → CommonJS.
// Strips types only (like DevTools' babel TS plugin); type errors are tsc's job.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: filename.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'es2020',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return require('crypto')
      .createHash('sha1')
      .update(`${require('esbuild/package.json').version}\0${filename}\0${source}`)
      .digest('hex');
  },
};
