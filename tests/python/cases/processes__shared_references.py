# What is sent to a process is pickled as one object: a list or instance referred to twice
# arrives as one object referred to twice, and a structure that refers to itself crosses too.
import multiprocessing


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child


def inspect(q, shared_pair, tree, loop):
    a, b = shared_pair
    a.append("added in child")
    q.put(("pair shares one list:", a is b, b))
    leaf = tree.children[0].children[0]
    q.put(("tree path:", leaf.name, leaf.parent.name, leaf.parent.parent.name, leaf.parent.parent is tree))
    q.put(("loop refers to itself:", loop[1] is loop, len(loop)))
    q.put(tree)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    inner = [1, 2]
    root = Node("root")
    root.add(Node("branch")).add(Node("leaf"))
    loop = ["head"]
    loop.append(loop)
    q = ctx.Queue()
    p = ctx.Process(target=inspect, args=(q, (inner, inner), root, loop))
    p.start()
    for _ in range(3):
        print(*q.get())
    back = q.get()
    p.join()
    print("tree back:", back.name, back.children[0].parent is back, back is root)
    print("parent's list unchanged:", inner)
