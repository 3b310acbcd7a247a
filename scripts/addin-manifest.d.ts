export declare const DEV_BASE_URL: string;
export declare function normaliseBaseUrl(given: string): string;
export declare function rebaseManifest(xml: string, baseUrl: string): string;
