import ical, { ICalEventStatus } from 'ical-generator';

export interface CalendarMeeting {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  location: string;
  description: string;
  status: 'planned' | 'held' | 'cancelled';
  sequence: number;
  updated_at: Date;
  network_name: string;
  network_slug: string;
}

/**
 * An iCalendar (RFC 5545) document of network meetings, built with ical-generator. Times are UTC,
 * which every calendar reads; the UID is stable per meeting and the sequence rises with each change,
 * so a calendar replaces an event instead of adding a second one.
 */
export function meetingsCalendar(name: string, publicUrl: string, meetings: CalendarMeeting[]): string {
  const calendar = ical({ name, prodId: { company: 'Brugwerk', product: 'Netwerken', language: 'NL' } });
  for (const m of meetings)
    calendar.createEvent({
      id: `${m.id}@brugwerk`,
      sequence: m.sequence,
      stamp: m.updated_at,
      start: m.starts_at,
      end: m.ends_at,
      summary: `${m.title} (${m.network_name})`,
      location: m.location || null,
      description: m.description || null,
      url: `${publicUrl}/netwerken/${m.network_slug}/vergaderingen/${m.id}`,
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  return calendar.toString();
}
