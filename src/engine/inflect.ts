const irregular: Readonly<Record<string, readonly string[]>> = {
  be: ['is', 'are', 'was', 'were', 'been', 'being', 'am'],
  have: ['has', 'had', 'having'],
  say: ['says', 'said', 'saying'],
  think: ['thinks', 'thought', 'thinking'],
  find: ['finds', 'found', 'finding'],
  show: ['shows', 'showed', 'shown', 'showing'],
  hold: ['holds', 'held', 'holding'],
  feel: ['feels', 'felt', 'feeling'],
  know: ['knows', 'knew', 'known', 'knowing'],
  tell: ['tells', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'],
  make: ['makes', 'made', 'making'],
  take: ['takes', 'took', 'taken', 'taking'],
  get: ['gets', 'got', 'gotten', 'getting'],
  give: ['gives', 'gave', 'given', 'giving'],
  send: ['sends', 'sent', 'sending'],
  buy: ['buys', 'bought', 'buying'],
  pay: ['pays', 'paid', 'paying'],
  set: ['sets', 'setting'],
  put: ['puts', 'putting'],
  lead: ['leads', 'led', 'leading'],
  go: ['goes', 'went', 'gone', 'going'],
  do: ['does', 'did', 'done', 'doing'],
  see: ['sees', 'saw', 'seen', 'seeing'],
  rise: ['rises', 'rose', 'risen', 'rising'],
  stand: ['stands', 'stood', 'standing'],
  study: ['studies', 'studied', 'studying'],
  analysis: ['analyses'],
  criterion: ['criteria'],
  person: ['people', 'persons'],
  man: ['men'],
  woman: ['women'],
  datum: ['data']
}

const consonant = /[bcdfghjklmnpqrstvwxz]/

/**
 * Every plausible inflection of an English word (noun plural, verb forms).
 * Over-generating is harmless: forms that are not words never occur.
 */
export function inflect(word: string): string[] {
  const forms = new Set([word])
  const known = irregular[word]
  if (known) for (const form of known) forms.add(form)
  const last = word.at(-1) ?? ''
  const before = word.at(-2) ?? ''
  if (last === 'y' && consonant.test(before)) {
    const stem = word.slice(0, -1)
    forms.add(stem + 'ies').add(stem + 'ied').add(word + 'ing')
  } else if (last === 'e') {
    forms.add(word + 's').add(word + 'd').add(word.slice(0, -1) + 'ing')
  } else if (/(?:s|x|z|ch|sh|o)$/.test(word)) {
    forms.add(word + 'es').add(word + 'ed').add(word + 'ing')
  } else {
    forms.add(word + 's').add(word + 'ed').add(word + 'ing')
    // Short words ending consonant-vowel-consonant double the consonant (stop, stopped).
    if (word.length <= 4 && consonant.test(last) && /[aeiou]/.test(before) && !/[wxy]/.test(last)) {
      forms.add(word + last + 'ed').add(word + last + 'ing')
    }
  }

  return [...forms]
}
