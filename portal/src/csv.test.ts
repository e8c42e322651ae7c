import { describe, expect, it } from 'vitest'
import { toCsv } from './csv'

describe('toCsv', () => {
  it('toCsv_shouldQuoteSpecialCharactersAndDefuseFormulas', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['=cmd()', null]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=cmd(),\r\n')
  })
})
