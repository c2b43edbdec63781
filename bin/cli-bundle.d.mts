export declare const ROOT: string;
export declare const CLI_BUNDLE: string;
export declare const CLI_SOURCES: string;
export declare function isBundleFresh(root?: string): boolean;
