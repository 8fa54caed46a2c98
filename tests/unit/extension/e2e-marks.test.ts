import { describe, expect, it } from 'vitest';
import { HOLDER_PARAMETER, isMarkedAddress, OPEN_POPUP_PARAMETER, OPEN_SETTINGS_PARAMETER } from '@/extension/e2e-marks';

const page = 'http://127.0.0.1:8080/storm-1152.html?case=opener';

describe('the e2e build’s marked addresses', () => {
  it('are addresses carrying a mark as a parameter of their own', () => {
    expect(isMarkedAddress(`${page}&${OPEN_POPUP_PARAMETER}=1`)).toBe(true);
    expect(isMarkedAddress(`${page}&${OPEN_SETTINGS_PARAMETER}=1`)).toBe(true);
    expect(isMarkedAddress(page)).toBe(false);
  });

  it('leave out an address that holds a marked address in a parameter’s value', () => {
    const holding = `http://127.0.0.1:8080/gloss-e2e-holder?${new URLSearchParams({ [HOLDER_PARAMETER]: `${page}&${OPEN_SETTINGS_PARAMETER}=1` })}`;
    expect(holding).toContain(OPEN_SETTINGS_PARAMETER);
    expect(isMarkedAddress(holding)).toBe(false);
  });

  it('leave out a mark’s name written elsewhere in the address, and text that is no address', () => {
    expect(isMarkedAddress(`http://127.0.0.1:8080/${OPEN_POPUP_PARAMETER}.html`)).toBe(false);
    expect(isMarkedAddress(`not an address ${OPEN_POPUP_PARAMETER}=1`)).toBe(false);
  });
});
