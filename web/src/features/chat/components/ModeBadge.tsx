// Which retrieval the assistant runs with, shown quietly: full (hybrid) or keywords only.
import { text } from '../../../shared/text.nl';
import { useHealth } from '../hooks/use-catalog';

export function ModeBadge() {
  const health = useHealth();
  const label = !health ? text.modeUnknown : health.modes.includes('dense') ? text.modeHybrid : text.modeLexical;
  return (
    <p className="mode-badge" title={health?.warnings.join('\n') || undefined}>
      {label}
    </p>
  );
}
