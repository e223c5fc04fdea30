/** The rack's totals beside its elevation: space, blanking panels, power, weight, airflow, GPUs. */
import {
  BLANKING_PANEL_SOURCE,
  formatQuantity,
  plural,
  type RackElevation,
  type UnitSystem,
} from '../../../shared/index';
import { kW } from '../format';

export function ElevationSummary({ elevation, units }: { elevation: RackElevation; units: UnitSystem }) {
  const { totals } = elevation;
  const mass = (kg: number) => formatQuantity(kg, 'mass', units);
  return (
    <dl className="facts" data-testid="elevation-summary">
      <dt>Space</dt>
      <dd data-testid="elevation-space">
        {elevation.usedU} U used, {elevation.freeU} U free of {elevation.uHeight} U
      </dd>
      <dt>Blanking panels</dt>
      <dd data-testid="elevation-blanking" title={BLANKING_PANEL_SOURCE.ref}>
        {elevation.blankingPanels} × 1U (assumption: one per empty U)
      </dd>
      <dt>Nameplate</dt>
      <dd data-testid="elevation-nameplate" title="Sum of the devices' maximum input power (catalog)">
        {kW(totals.nameplateW)}
      </dd>
      <dt>Typical</dt>
      <dd title="Sum of the devices' typical draw under load (catalog)">{kW(totals.typicalW)}</dd>
      <dt>Weight</dt>
      <dd
        data-testid="elevation-weight"
        title={`Rack ${mass(totals.rackWeightKg)} + devices ${mass(totals.devicesWeightKg)} + ${plural(elevation.rackPdus, 'rack PDU')} ${mass(totals.rackPduWeightKg)} (12 kg each, one per connected circuit: assumption of worked case 10a)`}
      >
        {mass(totals.weightKg)}
        <small>
          {' '}
          incl. {plural(elevation.rackPdus, 'rack PDU')}, {mass(totals.rackPduWeightKg)}
        </small>
      </dd>
      <dt>Airflow</dt>
      <dd data-testid="elevation-airflow" title="Sum of the devices' published front-to-back airflow (catalog)">
        {formatQuantity(totals.airflowM3h, 'airflow', units)}
        {totals.devicesWithoutAirflow > 0 ? (
          <small> ({plural(totals.devicesWithoutAirflow, 'device')} without a published figure, not counted)</small>
        ) : null}
      </dd>
      <dt>GPUs</dt>
      <dd data-testid="elevation-gpus">{totals.gpus.toLocaleString('en-US')}</dd>
    </dl>
  );
}
