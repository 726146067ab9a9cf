import type { IPickerListItem } from '@livechat/design-system-react-components';

/**
 * The design system's single-select Picker calls `onSelect` from inside a React state updater, so a parent
 * state change made there happens "while rendering" the Picker (React warns, StrictMode calls it twice).
 * Handing the selection on after the current render avoids both.
 */
export function onPickerSelect(handle: (items: IPickerListItem[] | null) => void) {
  return (items: IPickerListItem[] | null) => queueMicrotask(() => handle(items));
}
