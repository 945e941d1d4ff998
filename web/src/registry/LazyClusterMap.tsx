import { type ComponentProps, lazy, Suspense } from 'react';
import { Loading } from '../shell/ui.tsx';

// the map brings Leaflet and the region's outline: they load with the first page that shows it
const LeafletMap = lazy(() => import('./ClusterMap.tsx').then((m) => ({ default: m.ClusterMap })));

/** The cluster map, loaded on first use (see ClusterMap.tsx). */
export function ClusterMap(props: ComponentProps<typeof LeafletMap>) {
  return (
    <Suspense fallback={<Loading />}>
      <LeafletMap {...props} />
    </Suspense>
  );
}
