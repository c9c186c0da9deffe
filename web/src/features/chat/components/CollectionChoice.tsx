// "Zoek in": all collections the colleague may read, or one of them.
import { useId } from 'react';
import type { Me } from '../../../../../api/contract';
import { text } from '../../../shared/text.nl';

interface Props {
  collections: Me['collections'];
  /** The chosen collection, or null for all. */
  value: string | null;
  onChange: (collection: string | null) => void;
}

export function CollectionChoice({ collections, value, onChange }: Props) {
  const id = useId();
  return (
    <p className="collection-choice">
      <label htmlFor={id}>{text.searchIn}</label>{' '}
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{text.allCollections}</option>
        {collections.map((collection) => (
          <option key={collection.id} value={collection.id}>
            {collection.title}
          </option>
        ))}
      </select>
    </p>
  );
}
