import { describe, expect, it } from 'vitest';
import { feetAndInches, formatQuantity, parseQuantity, QUANTITIES, unitOf, unitWords } from './units';

describe('display units', () => {
  it('converts with the exact NIST factors', () => {
    expect(unitOf('length', 'imperial').fromSi(0.3048)).toBeCloseTo(1, 12);
    expect(unitOf('mass', 'imperial').fromSi(0.45359237)).toBeCloseTo(1, 12);
    // Worked case 10: 12 kPa is the TIA-942 "250 psf"; 4.5 kN is TIA-569's "1,000 lb".
    expect(unitOf('pressure', 'imperial').fromSi(12)).toBeCloseTo(250.6, 1);
    expect(unitOf('force', 'imperial').fromSi(4.5)).toBeCloseTo(1011.6, 1);
    expect(unitOf('airflow', 'imperial').fromSi(1699.0108)).toBeCloseTo(1000, 3);
    expect(unitOf('temperature', 'imperial').fromSi(27)).toBeCloseTo(80.6, 10);
    expect(unitOf('temperatureDelta', 'imperial').fromSi(10)).toBeCloseTo(18, 10);
    expect(unitOf('cooling', 'imperial').fromSi(3516.852842)).toBeCloseTo(1, 10);
  });

  it('round-trips every quantity', () => {
    for (const q of QUANTITIES)
      for (const s of ['metric', 'imperial'] as const)
        expect(unitOf(q, s).toSi(unitOf(q, s).fromSi(12.345))).toBeCloseTo(12.345, 9);
  });

  it('formats with grouping and the unit, feet and inches on request', () => {
    expect(formatQuantity(1234.5, 'length', 'metric')).toBe('1,234.50 m');
    expect(formatQuantity(3.81, 'length', 'imperial', { feetInches: true })).toBe('12′ 6″');
    expect(feetAndInches(0.3)).toBe('1′ 0″');
    expect(formatQuantity(9.777, 'pressure', 'metric')).toBe('9.78 kPa');
    expect(formatQuantity(NaN, 'mass', 'metric')).toBe('—');
  });

  it('parses bare numbers in the system unit and explicit units in either', () => {
    expect(parseQuantity('2.5', 'length', 'metric')).toBe(2.5);
    expect(parseQuantity('10', 'length', 'imperial')).toBeCloseTo(3.048, 12);
    expect(parseQuantity(`12' 6"`, 'length', 'metric')).toBeCloseTo(3.81, 12);
    expect(parseQuantity('12 ft 6 in', 'length', 'metric')).toBeCloseTo(3.81, 12);
    expect(parseQuantity('12′ 6″', 'length', 'metric')).toBeCloseTo(3.81, 12);
    expect(parseQuantity('600 mm', 'length', 'imperial')).toBeCloseTo(0.6, 12);
    expect(parseQuantity('24 in', 'size', 'metric')).toBeCloseTo(0.6096, 12);
    expect(parseQuantity('80.6 F', 'temperature', 'metric')).toBeCloseTo(27, 10);
    expect(parseQuantity('1,000', 'airflow', 'imperial')).toBeCloseTo(1699.0108, 3);
    expect(parseQuantity('abc', 'length', 'metric')).toBeNull();
    expect(parseQuantity('', 'length', 'metric')).toBeNull();
  });

  it('takes an explicit unit of either system for every quantity', () => {
    // Worked case 4: 172.5 L/min is 45.6 US gpm; worked case 5b: 4,420 CFM is 7,510 m³/h.
    expect(parseQuantity('45.57 gpm', 'liquidFlow', 'metric')).toBeCloseTo(172.5, 1);
    expect(parseQuantity('4,420 CFM', 'airflow', 'metric')).toBeCloseTo(7_510, 0);
    expect(parseQuantity('7,510 m³/h', 'airflow', 'imperial')).toBe(7_510);
    expect(parseQuantity('2.0862 m3/s', 'airflow', 'metric')).toBeCloseTo(7_510, 0);
    // Worked case 10: TIA-569's 250 psf and 1,000 lb.
    expect(parseQuantity('250 psf', 'pressure', 'metric')).toBeCloseTo(11.97, 2);
    expect(parseQuantity('1000 lb', 'force', 'metric')).toBeCloseTo(4.448, 3);
    expect(parseQuantity('1 ton', 'cooling', 'metric')).toBeCloseTo(3_516.852842, 6);
    expect(parseQuantity('12,000 BTU/h', 'cooling', 'metric')).toBeCloseTo(3_516.85, 1);
    expect(parseQuantity('1.2 MW', 'power', 'imperial')).toBe(1_200_000);
    expect(parseQuantity('48 lb', 'mass', 'metric')).toBeCloseTo(21.772, 3);
    expect(parseQuantity('18 F', 'temperatureDelta', 'metric')).toBeCloseTo(10, 10);
    expect(parseQuantity('1 W/ft²', 'powerDensity', 'metric')).toBeCloseTo(10.7639, 4);
    expect(parseQuantity('80 °F', 'temperature', 'metric')).toBeCloseTo(26.667, 3);
  });

  it('refuses a unit of another quantity or a malformed figure', () => {
    expect(parseQuantity('600 kg', 'length', 'metric')).toBeNull();
    expect(parseQuantity('80 K', 'temperature', 'metric')).toBeNull();
    expect(parseQuantity('12 furlongs', 'length', 'imperial')).toBeNull();
    expect(parseQuantity('1 000', 'airflow', 'metric')).toBeNull();
    expect(parseQuantity('12.5.3', 'length', 'metric')).toBeNull();
  });

  it('stores clean figures, free of conversion noise', () => {
    expect(parseQuantity('10', 'length', 'imperial')).toBe(3.048);
    expect(parseQuantity('12 in', 'size', 'metric')).toBe(0.3048);
  });

  it('parses every unit it suggests', () => {
    for (const q of QUANTITIES)
      for (const word of unitWords(q)) {
        const text = word.includes("'") ? word : `1 ${word}`;
        expect(parseQuantity(text, q, 'metric'), `${text} as ${q}`).not.toBeNull();
      }
  });
});
