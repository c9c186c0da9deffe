// The Dutch Tesseract model package: where its traineddata lies, and that it is gzipped.
declare module '@tesseract.js-data/nld' {
  const model: { code: string; gzip: boolean; langPath: string };
  export default model;
}
