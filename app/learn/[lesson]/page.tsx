import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LocaleProvider } from '@/components/i18n/locale-provider';
import { LessonApp } from '@/components/learn/lesson-app';
import { LESSONS, lessonById } from '@/lib/classroom/lessons';

/** Every lesson is a static page; anything else is a 404. */
export const dynamicParams = false;

export function generateStaticParams() {
  return LESSONS.map((lesson) => ({ lesson: lesson.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ lesson: string }> }): Promise<Metadata> {
  const lesson = lessonById((await params).lesson);
  return { title: lesson ? `${lesson.title.en} · GANvas lessons` : 'GANvas lessons' };
}

export default async function LessonPage({ params }: { params: Promise<{ lesson: string }> }) {
  const { lesson } = await params;
  if (!lessonById(lesson)) notFound();
  return (
    <LocaleProvider>
      <LessonApp lessonId={lesson} />
    </LocaleProvider>
  );
}
