import { LayerCatalog } from '@/components/home/layer-catalog';
import { PresetGallery } from '@/components/home/preset-gallery';
import { SiteHeader } from '@/components/home/site-header';

export default function HomePage() {
  return (
    <>
      <SiteHeader />
      <main className="page">
        <PresetGallery />
        <LayerCatalog />
      </main>
    </>
  );
}
