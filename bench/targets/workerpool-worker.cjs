// The same tasks for workerpool's child-process mode.
const workerpool = require('workerpool')
workerpool.worker({
  tiny: (n) => n + 1,
})
