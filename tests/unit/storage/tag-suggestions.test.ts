import { describe, expect, it } from 'vitest';
import { completeTag, suggestTags, tagNormalisationNote, typedTagFragment } from '@/lib/storage/tag-suggestions';
import { parseTagInput } from '@/lib/storage/tags';

const known = ['phishing', 'Storm-1152', 'social-engineering', 'fraud', 'spear-phishing', 'APT29'];

describe('tag suggestions', () => {
  it('completes the tag being typed, prefix matches first, then those containing it', () => {
    expect(suggestTags(known, 'phish')).toEqual(['phishing', 'spear-phishing']);
    expect(suggestTags(known, 'fraud, st')).toEqual(['Storm-1152']);
  });

  it('ignores case, a leading # and spaces that would become hyphens', () => {
    expect(suggestTags(known, '#apt')).toEqual(['APT29']);
    expect(suggestTags(known, 'social eng')).toEqual(['social-engineering']);
  });

  it('offers nothing before a tag is started, and leaves out tags already in the field or typed in full', () => {
    expect(suggestTags(known, '')).toEqual([]);
    expect(suggestTags(known, 'fraud, ')).toEqual([]);
    expect(suggestTags(known, 'phishing, phish')).toEqual(['spear-phishing']);
    expect(suggestTags(known, 'fraud')).toEqual([]);
  });

  it('replaces only the fragment when a suggestion is chosen', () => {
    expect(typedTagFragment('fraud, st')).toEqual({ before: 'fraud,', fragment: ' st' });
    expect(completeTag('fraud, st', 'Storm-1152')).toBe('fraud, Storm-1152, ');
    expect(completeTag('ph', 'phishing')).toBe('phishing, ');
    expect(parseTagInput(completeTag('fraud, st', 'Storm-1152'))).toEqual(['fraud', 'Storm-1152']);
  });
});

describe('the note that says how tags are kept', () => {
  it('says when spaces become hyphens or a # is dropped', () => {
    expect(tagNormalisationNote('social engineering', parseTagInput)).toBe('Saved as #social-engineering');
    expect(tagNormalisationNote('fraud, #apt29', parseTagInput)).toBe('Saved as #fraud #apt29');
  });

  it('says nothing when every tag is kept as typed', () => {
    expect(tagNormalisationNote('fraud, Storm-1152', parseTagInput)).toBeNull();
    expect(tagNormalisationNote('', parseTagInput)).toBeNull();
  });

  it('mentions a duplicate dropped', () => {
    expect(tagNormalisationNote('fraud, Fraud', parseTagInput)).toBe('Saved as #fraud');
  });
});
