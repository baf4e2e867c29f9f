# Uncaught IndexError in a method.
class Playlist:
    def __init__(self, songs):
        self.songs = songs

    def pick(self, n):
        return self.songs[n]

p = Playlist(["intro", "verse"])
print(p.pick(0))
print(p.pick(-1))
print(p.pick(5))
