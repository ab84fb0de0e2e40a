// Types for scripts/manifestUrls.js (plain CommonJS so webpack.config.js can require it).
export declare const DEV_URL: string;
export declare const DEFAULT_PRODUCTION_URL: string;
export declare function resolveProductionUrl(env: Record<string, string | undefined>): {
  url: string;
  fromEnv: boolean;
};
export declare function rewriteManifestUrls(xml: string, productionUrl: string): string;
