import { runFootprint } from './footprint.js'

/** `jalons <command>`: the commands that work without a server. */
const usage = `Utilisation : jalons <commande>

Commandes :
  footprint <fichier>   empreinte environnementale d'un inventaire (jalons footprint --help)
`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const io = {
    out: (text: string) => process.stdout.write(text),
    err: (text: string) => process.stderr.write(text),
  }
  if (command === 'footprint') return runFootprint(rest, io)
  if (command === undefined || command === '--help' || command === 'help') {
    io.out(usage)
    return command === undefined ? 2 : 0
  }
  io.err(`jalons : commande inconnue « ${command} »\n\n${usage}`)
  return 2
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`jalons : ${(error as Error).stack ?? String(error)}`)
    process.exitCode = 3
  },
)
