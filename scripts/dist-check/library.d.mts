export const LIBRARY_FILES: string[]
export function libraryProblems(packed: string, built: string): string[]
