import { EditorApp } from '@/components/editor/editor-app';

export default function EditorPage() {
  return <EditorApp />;
}
