import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { formatCount } from '@/lib/format.ts';
import { useSearch } from '@/lib/hooks/use-search.ts';
import { modelPath, orgPath } from '@/lib/url-state.ts';

export type SearchPick = { kind: 'model'; repoId: string } | { kind: 'org'; slug: string };

interface Option {
  id: string;
  pick: SearchPick;
  primary: string;
  secondary: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface SearchBoxProps {
  label?: string;
  placeholder?: string;
  /** Only models (the compare page adds models, not organisations). */
  modelsOnly?: boolean;
  /** Default: open the model or organisation page. */
  onPick?: (pick: SearchPick) => void;
  autoFocus?: boolean;
}

/** Search across base models and organisations as you type: an ARIA combobox with a keyboard-navigable listbox. */
export function SearchBox({
  label = 'Search models and organisations',
  placeholder = 'Search models or organisations…',
  modelsOnly = false,
  onPick,
  autoFocus,
}: SearchBoxProps) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text, 200);
  const search = useSearch(q);

  const options: Option[] = [];
  if (text.trim() && search.data) {
    for (const model of search.data.models) {
      options.push({
        id: `${id}-m-${model.repoId}`,
        pick: { kind: 'model', repoId: model.repoId },
        primary: model.repoId,
        secondary: `${formatCount(model.derivatives)} derivatives`,
      });
    }
    if (!modelsOnly) {
      for (const org of search.data.orgs) {
        options.push({
          id: `${id}-o-${org.slug}`,
          pick: { kind: 'org', slug: org.slug },
          primary: org.name,
          secondary: `organisation · ${org.models} models`,
        });
      }
    }
  }
  const expanded = open && text.trim().length > 0;
  const activeOption = expanded ? options[Math.min(active, options.length - 1)] : undefined;

  function choose(option: Option | undefined) {
    if (!option) return;
    setOpen(false);
    if (onPick) {
      onPick(option.pick);
      setText('');
      return;
    }
    router.push(option.pick.kind === 'model' ? modelPath(option.pick.repoId) : orgPath(option.pick.slug));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i + 1) % options.length : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (options.length ? (i - 1 + options.length) % options.length : 0));
    } else if (event.key === 'Enter') {
      if (expanded && activeOption) {
        event.preventDefault();
        choose(activeOption);
      }
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else setText('');
    }
  }

  const waiting = text.trim() !== q.trim() || search.isFetching;
  return (
    <div className="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {label}
      </label>
      <input
        id={`${id}-input`}
        className="search-input"
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={activeOption?.id}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        // biome-ignore lint/a11y/noAutofocus: only where the page exists to search (compare with no models)
        autoFocus={autoFocus}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <div id={`${id}-list`} role="listbox" aria-label={label} className="search-list">
          {options.map((option) => (
            <div
              key={option.id}
              id={option.id}
              role="option"
              tabIndex={-1}
              aria-selected={option === activeOption}
              className="search-option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              onKeyDown={() => undefined}
            >
              <span className="search-primary">{option.primary}</span>
              <span className="search-secondary">{option.secondary}</span>
            </div>
          ))}
          {options.length === 0 && (
            <div className="search-empty" role="presentation">
              {waiting ? 'Searching…' : search.isError ? 'Search failed.' : 'No match.'}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
