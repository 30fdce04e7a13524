import type { DossierBridge } from '@shared/ipc/contract'

declare global {
  interface Window {
    /** The preload's bridge; absent when the renderer runs outside Electron (browser preview). */
    dossier?: DossierBridge
  }
}

export {}
