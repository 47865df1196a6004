/** The package version, sent in `User-Agent`. A test keeps it equal to package.json's `version`. */
export const sdkVersion = '0.1.0';
