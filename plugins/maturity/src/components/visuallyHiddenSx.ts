/**
 * For the `sx` of text only assistive technology reads, e.g. the header of
 * a column of buttons. Pixel strings, as `sx` reads `width: 1` as 100 %.
 */
export const visuallyHiddenSx = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;
