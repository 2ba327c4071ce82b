import i18next, { type TFunction } from 'i18next';
import { es } from '../i18n/locales/es';
import { pt } from '../i18n/locales/pt';
import { timelineDetailWords } from './timeline-detail';

async function translator(language: 'es' | 'pt'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { es: { translation: es }, pt: { translation: pt } } });
  return instance.t;
}

describe('timelineDetailWords', () => {
  it("should translate a return step's outcome code and keep the typed reason as written", async () => {
    const t = await translator('es');

    expect(timelineDetailWords('confirmed', t)).toBe('confirmada');
    expect(timelineDetailWords('not-safe: Family unreachable', t)).toBe('no seguro: Family unreachable');
  });

  it("should translate a reintegration follow-up's number and wellbeing", async () => {
    const t = await translator('pt');

    expect(timelineDetailWords('follow-up 2: stable', t)).toBe(`Acompanhamento 2: ${pt.steps.option.stable}`);
  });

  it('should leave a detail that is no code as it is', async () => {
    const t = await translator('es');

    expect(timelineDetailWords('Persona trasladada a otra ciudad', t)).toBe('Persona trasladada a otra ciudad');
  });
});
