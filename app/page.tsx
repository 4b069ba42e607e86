import { EditorApp } from '@/components/editor/editor-app';
import { LocaleProvider } from '@/components/i18n/locale-provider';

export default function EditorPage() {
  return (
    <LocaleProvider>
      <EditorApp />
    </LocaleProvider>
  );
}
