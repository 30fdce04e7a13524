type Env = Record<string, string | undefined>
export function electronPackageDir(root: string, env?: Env): string | null
export function binaryInPackage(packageDir: string, env?: Env): string | null
export function electronBinary(root: string, env?: Env): string | null
