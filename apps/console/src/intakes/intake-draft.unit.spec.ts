import { IntakeDraftStore, emptyIntakeDraft, intakeDraftField, toRecordIntakeRequest } from './intake-draft';

/** A Storage in memory, as the browser's sessionStorage behaves. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe(toRecordIntakeRequest, () => {
  it('should send only how the report came and its urgency when nothing else is known', () => {
    expect(toRecordIntakeRequest(emptyIntakeDraft())).toEqual({ channel: 'hotline', urgency: 'medium' });
  });

  it('should send what is known, trimmed, with countries in capitals and the age as a number', () => {
    const request = toRecordIntakeRequest({
      ...emptyIntakeDraft(),
      urgency: 'high',
      relationship: 'family',
      reporterName: ' Rosa ',
      firstName: 'Valentina',
      approximateAge: '23',
      gender: 'Female',
      believedCountry: 'ec',
      situation: '  Documents taken ',
      methodsOfControl: ['WithholdsDocuments'],
    });

    expect(request).toEqual({
      channel: 'hotline',
      urgency: 'high',
      reporter: { relationship: 'family', name: 'Rosa' },
      person: { firstName: 'Valentina', approximateAge: 23, gender: 'Female', believedCountry: 'EC' },
      indicators: { methodsOfControl: ['WithholdsDocuments'] },
      situation: 'Documents taken',
    });
  });
});

describe(intakeDraftField, () => {
  it('should find the input a problem names, a list by its items too', () => {
    expect(intakeDraftField('/person/approximateAge')).toBe('approximateAge');
    expect(intakeDraftField('/indicators/methodsOfControl/0')).toBe('methodsOfControl');
    expect(intakeDraftField('/unknown')).toBeUndefined();
  });
});

describe(IntakeDraftStore, () => {
  it('should keep a draft per user of a country until it is cleared', () => {
    const storage = new MemoryStorage();
    const mine = new IntakeDraftStore('CO', 'co.hotline', storage);
    const other = new IntakeDraftStore('CO', 'co.supervisor', storage);

    mine.save({ ...emptyIntakeDraft(), firstName: 'Valentina' });

    expect(mine.load()?.firstName).toBe('Valentina');
    expect(other.load()).toBeUndefined();
    mine.clear();
    expect(mine.load()).toBeUndefined();
  });

  it('should keep no draft of an untouched form', () => {
    const storage = new MemoryStorage();
    const store = new IntakeDraftStore('CO', 'ana', storage);

    store.save({ ...emptyIntakeDraft(), firstName: 'V' });
    store.save(emptyIntakeDraft());

    expect(store.load()).toBeUndefined();
  });

  it('should give up an unreadable draft rather than fail', () => {
    const storage = new MemoryStorage();
    storage.setItem('enlace.console.intake-draft.CO.ana', '{not json');

    expect(new IntakeDraftStore('CO', 'ana', storage).load()).toBeUndefined();
  });
});
