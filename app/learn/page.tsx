import type { Metadata } from 'next';
import { LocaleProvider } from '@/components/i18n/locale-provider';
import { LessonIndex } from '@/components/learn/lesson-index';

export const metadata: Metadata = { title: 'Lessons · GANvas' };

export default function LearnPage() {
  return (
    <LocaleProvider>
      <LessonIndex />
    </LocaleProvider>
  );
}
