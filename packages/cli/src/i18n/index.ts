export { CATALOGS, LANGUAGES, languageFrom, placeholdersOf, translator, type Catalog, type Language, type MessageKey, type Translate } from './translate.ts'
