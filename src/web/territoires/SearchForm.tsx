import { SearchBar } from '@codegouvfr/react-dsfr/SearchBar';
import { useNavigate } from 'react-router-dom';

/** The search box of the référentiel: Enter or the button opens /recherche?q=… (the keyboard route to any page). */
export function SearchForm({ defaultValue, big, id }: { defaultValue?: string; big?: boolean; id?: string }) {
  const navigate = useNavigate();
  return (
    <SearchBar
      id={id}
      big={big}
      label="Rechercher un territoire, une intercommunalité, une commune (nom, code INSEE ou SIREN)"
      defaultValue={defaultValue}
      onButtonClick={(text) => navigate(`/recherche?q=${encodeURIComponent(text.trim())}`)}
    />
  );
}
