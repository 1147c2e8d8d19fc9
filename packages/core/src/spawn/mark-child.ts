// Imported first by the bootstrap, so that every module loaded after it, the user's included, sees a child.
import { markChild } from './child-flag.ts'

markChild()
