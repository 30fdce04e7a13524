/**
 * Which view fills the main area (the reader, the Voices view across the library, or the
 * Notebook of every note) and which tab the reader's side panel shows.
 */
export type View = 'reader' | 'voices' | 'notebook'
export type PanelTab = 'quotes' | 'notes'

class ViewState {
  current = $state<View>('reader')
  /** The reader's side panel tab, or null when the panel is closed. */
  panel = $state<PanelTab | null>('quotes')

  show(view: View): void {
    this.current = view
  }

  /** Opens `tab`, or closes the panel when `tab` is already open. */
  togglePanel(tab: PanelTab): void {
    this.panel = this.panel === tab ? null : tab
  }

  openPanel(tab: PanelTab): void {
    this.panel = tab
  }
}

export const view = new ViewState()
