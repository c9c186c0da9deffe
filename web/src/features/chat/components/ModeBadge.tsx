// Which retrieval the assistant runs with, shown quietly: full (hybrid) or keywords only.
import type { HealthReport } from '../../../../../api/contract';
import { text } from '../../../shared/text.nl';

export function ModeBadge({ health }: { health: HealthReport | null }) {
  const label = !health ? text.modeUnknown : health.modes.includes('dense') ? text.modeHybrid : text.modeLexical;
  return (
    <p className="mode-badge" title={health?.warnings.join('\n') || undefined}>
      {label}
    </p>
  );
}
