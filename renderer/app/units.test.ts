import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../shared/index';
import { useEditor } from '../store/editor';
import { setUnits } from '../store/settingsCommands';
import { currentUnits, editText, entryProblem, unitsFor } from './units';

describe('display units in the editor', () => {
  it('binds formatting, symbols and parsing to the project system', () => {
    const metric = unitsFor('metric');
    const imperial = unitsFor('imperial');
    // Worked case 5b: a rack of 4 DGX H100 moves 4,420 CFM = 7,510 m³/h.
    expect(metric.fmt(7_510, 'airflow')).toBe('7,510 m³/h');
    expect(imperial.fmt(7_510, 'airflow')).toBe('4,420 CFM');
    expect(imperial.fmt(3.81, 'length', { feetInches: true })).toBe('12′ 6″');
    expect(metric.unit('size')).toBe('mm');
    expect(imperial.unit('size')).toBe('in');
    expect(imperial.parse('24', 'size')).toBeCloseTo(0.6096, 12);
    expect(metric.parse('24 in', 'size')).toBeCloseTo(0.6096, 12);
  });

  it('gives the other system in brackets, once where both agree', () => {
    expect(unitsFor('metric').dual(27, 'temperature')).toBe('27.0 °C (80.6 °F)');
    expect(unitsFor('imperial').dual(27, 'temperature')).toBe('80.6 °F (27.0 °C)');
    expect(unitsFor('imperial').dual(10, 'temperatureDelta')).toBe('18.0 °F (10.0 K)');
    expect(unitsFor('imperial').dual(40_800, 'power')).toBe('40.8 kW');
  });

  it('shows a figure for editing with its unit and one decimal more, and reads it back', () => {
    expect(editText(0.6, 'length', 'metric')).toBe('0.6 m');
    expect(editText(0.6, 'length', 'imperial')).toBe('1.969 ft');
    expect(editText(300_000, 'airflow', 'metric')).toBe('300,000 m³/h');
    expect(editText(18, 'temperature', 'imperial')).toBe('64.4 °F');
    for (const [si, q] of [
      [0.6, 'length'],
      [300_000, 'airflow'],
      [18, 'temperature'],
      [172.5, 'liquidFlow'],
    ] as const)
      for (const system of ['metric', 'imperial'] as const) {
        const back = parseQuantity(editText(si, q, system), q, system)!;
        // The shown figure is rounded: it reads back to within half its last decimal.
        expect(Math.abs(back - si) / si, `${q} in ${system}`).toBeLessThan(1e-3);
      }
  });

  it('says what was wrong with a refused entry and what the field takes', () => {
    expect(entryProblem('12 furlongs', 'length', 'imperial')).toBe(
      `“12 furlongs” is not a length: type a number in ft, or a figure with its unit (m, mm, ft, in, 12' 6").`,
    );
    expect(entryProblem('  ', 'temperature', 'metric')).toBe(
      'Enter the temperature: a number in °C, or a figure with its unit (°C, °F).',
    );
  });

  it('reads the open project’s system outside React', () => {
    expect(currentUnits().system).toBe('metric');
    useEditor.getState().run(setUnits('imperial'));
    expect(currentUnits().fmt(0.3048, 'length')).toBe('1.00 ft');
    useEditor.getState().undo();
    expect(currentUnits().system).toBe('metric');
  });
});
