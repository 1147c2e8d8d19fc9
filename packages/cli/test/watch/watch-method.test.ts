import { describe, expect, test } from 'vitest'
import { pollingReason } from '../../src/watch/watch-method.ts'

const LINUX = 'Linux version 6.8.0-45-generic (buildd@lcy02) (gcc 13.2.0) #45-Ubuntu SMP'
const WSL = 'Linux version 5.15.153.1-microsoft-standard-WSL2 (root@941d701f84f1) (gcc 11.2.0) #1 SMP'
const MOUNTS = [
  '/dev/sda1 / ext4 rw,relatime 0 0',
  'C:\\134 /mnt/c 9p rw,dirsync,aname=drvfs 0 0',
  'server:/export /home/ada/nfs nfs4 rw,relatime 0 0',
  '/dev/sdb1 /home/ada/nfs/local ext4 rw 0 0',
  '//nas/share /media/my\\040share cifs rw 0 0',
].join('\n')

describe('choosing how to watch a lesson folder', () => {
  test.each([
    ['a Windows drive under WSL', WSL, '/mnt/c/Users/ada/course/lessons/01-x', { kind: 'wsl', dir: '/mnt/c/Users/ada/course/lessons/01-x' }],
    ['a network file system', LINUX, '/home/ada/nfs/course/lessons/01-x', { kind: 'network', fsType: 'nfs4', mount: '/home/ada/nfs' }],
    ['a mount point with a space', LINUX, '/media/my share/course', { kind: 'network', fsType: 'cifs', mount: '/media/my share' }],
    ['the WSL Linux file system', WSL, '/home/ada/course/lessons/01-x', undefined],
    ['a local disk mounted inside a network one', LINUX, '/home/ada/nfs/local/course', undefined],
    ['a local disk', LINUX, '/home/ada/course', undefined],
  ])('polls on %s', (_where, procVersion, dir, expected) => {
    expect(pollingReason(dir, { procVersion, mounts: MOUNTS })).toEqual(expected)
  })

  test('/mnt/c outside WSL is just a folder', () => {
    expect(pollingReason('/mnt/c/course', { procVersion: LINUX, mounts: '/dev/sda1 / ext4 rw 0 0' })).toBeUndefined()
  })
})
